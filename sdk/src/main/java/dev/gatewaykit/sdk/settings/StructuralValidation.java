package dev.gatewaykit.sdk.settings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Iterator;
import java.util.Set;

/**
 * Runs the Jakarta constraints declared on the settings value objects. Uses the EL-free
 * {@link ParameterMessageInterpolator}, so the library pulls no Expression Language implementation onto
 * applications' classpaths (our messages need parameters at most).
 */
final class StructuralValidation {

    // Hibernate Validator announces its version (HV000001) at INFO when it boots. Without a logging framework,
    // jboss-logging falls back to java.util.logging, whose console handler prints that line on stderr of every
    // plain-Java application and of the doctor. Unless the application configured this logger itself, it is kept at
    // WARNING; Spring Boot's logging does the same for its users. Held in a field: java.util.logging keeps loggers
    // weakly, and a collected logger forgets its level.
    private static final java.util.logging.Logger VERSION_LOG =
            java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");

    private static final Validator VALIDATOR;

    static {
        if (VERSION_LOG.getLevel() == null) {
            VERSION_LOG.setLevel(java.util.logging.Level.WARNING);
        }
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    private StructuralValidation() {
    }

    static <T> Set<ConstraintViolation<T>> validate(T object) {
        return VALIDATOR.validate(object);
    }

    /** The first node name of a violation's path, e.g. "connectTimeout" or "headers". */
    static String rootField(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        return nodes.hasNext() ? nodes.next().getName() : "";
    }
}
