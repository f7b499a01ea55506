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
 * generation: here Spring Boot 4's {@link org.springframework.boot.webflux.test.autoconfigure.WebFluxTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@org.springframework.boot.webflux.test.autoconfigure.WebFluxTest
public @interface WebFluxTest {

	@AliasFor(annotation = org.springframework.boot.webflux.test.autoconfigure.WebFluxTest.class)
	Class<?>[] value() default {};

	@AliasFor(annotation = org.springframework.boot.webflux.test.autoconfigure.WebFluxTest.class)
	Class<?>[] controllers() default {};

	@AliasFor(annotation = org.springframework.boot.webflux.test.autoconfigure.WebFluxTest.class)
	String[] properties() default {};

}
