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

    private static final Validator VALIDATOR;

    static {
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
