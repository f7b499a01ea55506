package io.github.zuplojwt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.zuplojwt.support.boot.ReactorNettyServer;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@code @SpringBootTest} on the reactive stack: Spring WebFlux on Reactor Netty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
@Import(ReactorNettyServer.class)
public @interface ReactiveStack {

}
