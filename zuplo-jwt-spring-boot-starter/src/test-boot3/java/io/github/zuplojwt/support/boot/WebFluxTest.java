package io.github.zuplojwt.support.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Spring Boot's {@code @WebFluxTest}, under the one name the suite uses on every Spring Boot
 * generation: here Spring Boot 3.5's {@link org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest
public @interface WebFluxTest {

	@AliasFor(annotation = org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest.class)
	Class<?>[] value() default {};

	@AliasFor(annotation = org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest.class)
	Class<?>[] controllers() default {};

	@AliasFor(annotation = org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest.class)
	String[] properties() default {};

}
