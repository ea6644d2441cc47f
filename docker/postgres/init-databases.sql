-- One database per service: no service reads another's data.
create database proposals;
create database review;
create database incentives;
create database notifications;
