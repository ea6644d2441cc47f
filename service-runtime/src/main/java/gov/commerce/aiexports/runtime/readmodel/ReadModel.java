package gov.commerce.aiexports.runtime.readmodel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The tables a projection owns: a replay rebuilds exactly these, beside the live ones, and switches. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {
    String[] tables();
}
