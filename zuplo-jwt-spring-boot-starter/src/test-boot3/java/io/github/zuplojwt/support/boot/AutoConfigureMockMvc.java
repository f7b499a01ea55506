package io.github.zuplojwt.support.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Spring Boot's {@code @AutoConfigureMockMvc}, under the one name the suite uses on every Spring Boot
 * generation: here Spring Boot 3.5's {@link org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
public @interface AutoConfigureMockMvc {

}
