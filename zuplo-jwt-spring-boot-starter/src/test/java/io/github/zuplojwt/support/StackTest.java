package io.github.zuplojwt.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;

/**
 * A test of a {@link BothStacks} class, run once on each stack: its first parameter is the
 * {@link Stack}. With {@link #cases()}, it runs once per stack and case, and the case's
 * arguments follow the stack. Parameters after those are resolved as in any test (such as
 * Spring Boot's {@code CapturedOutput}).
 * <pre class="code">
 * &#64;StackTest(cases = "schemes")
 * void schemeIsCaseInsensitive(Stack stack, String scheme) { … }
 *
 * static Stream&lt;String&gt; schemes() {
 * 	return Stream.of("Bearer", "bearer");
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
public @interface StackTest {

	/**
	 * The name of a static method of the test class that returns the cases, as a
	 * {@code Stream}, {@code Collection} or array of JUnit {@code Arguments} or of single
	 * values; none for a test that runs once per stack.
	 */
	String cases() default "";

}
