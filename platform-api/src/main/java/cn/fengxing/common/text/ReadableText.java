package cn.fengxing.common.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that people read (names, descriptions, notes): see {@link Text#readable}. The message is a key of
 * {@code i18n/messages}, localised by the problem mapper.
 */
@Documented
@Constraint(validatedBy = ReadableText.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableText {

    String message() default "{" + Text.READABLE + "}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReadableText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Text.readable(value);
        }
    }
}
