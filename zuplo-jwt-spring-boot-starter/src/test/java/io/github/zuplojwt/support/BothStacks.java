package io.github.zuplojwt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one application on each web stack, Spring MVC on Tomcat and
 * Spring WebFlux on Reactor Netty, side by side on random ports: each {@link StackTest}
 * runs once per {@link Stack}. Both applications are started before the class's first test
 * that needs them, with the same configuration, and closed after its last: the
 * {@link #properties()} given here, those of the class's {@link TestGateway} gateways, and
 * those of its static {@code @DynamicPropertySource} methods. Both trust the same gateways,
 * so a test that changes what a gateway publishes starts from what it needs.
 * <pre class="code">
 * &#64;BothStacks(classes = TestApplication.class, properties = "zuplo.public-paths=/public/**")
 * class PublicPathTests {
 *
 * 	&#64;TestGateway(audience = "api")
 * 	static Gateway gateway;
 *
 * 	&#64;StackTest
 * 	void publicPathNeedsNoToken(Stack stack) {
 * 		assertThat(stack.http().get("/public/hello").statusCode()).isEqualTo(200);
 * 	}
 *
 * }
 * </pre>
 * {@code -Dzuplo.test.stack=servlet} (or {@code reactive}) runs one stack only, and skips
 * the tests that compare both.
 * <p>
 * This takes the place of a {@code @SpringBootTest} per stack: Spring's test context runs
 * one application per test class, and neither JUnit 5.12 (Spring Boot 3.5's) nor Spring
 * Framework 6.2 runs a class once per parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BothStacksExtension.class)
public @interface BothStacks {

	/** The application's sources, as for {@code @SpringBootTest}. */
	Class<?>[] classes();

	/** Properties in the form {@code name=value}, as for {@code @SpringBootTest}. */
	String[] properties() default {};

}
