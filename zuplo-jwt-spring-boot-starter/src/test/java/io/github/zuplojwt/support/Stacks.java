package io.github.zuplojwt.support;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Both applications of a {@link BothStacks} test class, for a test that compares them; any
 * test method of such a class may declare a parameter of this type. When the system property
 * {@value BothStacksExtension#ONE_STACK} selects one stack, the other is {@code null} and the
 * tests that take this parameter are skipped.
 *
 * @param servlet the application on Spring MVC and Tomcat
 * @param reactive the application on Spring WebFlux and Reactor Netty
 */
public record Stacks(Stack servlet, Stack reactive) implements AutoCloseable {

	/** The stacks that run, servlet first. */
	public List<Stack> both() {
		return Stream.of(this.servlet, this.reactive).filter(Objects::nonNull).toList();
	}

	@Override
	public void close() {
		try (Stack reactive = this.reactive) {
			if (this.servlet != null) {
				this.servlet.close();
			}
		}
	}

}
