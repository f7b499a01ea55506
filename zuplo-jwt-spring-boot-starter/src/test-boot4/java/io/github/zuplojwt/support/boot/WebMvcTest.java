package io.github.zuplojwt.support.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Spring Boot's {@code @WebMvcTest}, under the one name the suite uses on every Spring Boot
 * generation: here Spring Boot 4's {@link org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest
public @interface WebMvcTest {

	@AliasFor(annotation = org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.class)
	Class<?>[] value() default {};

	@AliasFor(annotation = org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.class)
	Class<?>[] controllers() default {};

	@AliasFor(annotation = org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.class)
	String[] properties() default {};

}
