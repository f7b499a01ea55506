package io.github.zuplojwt.support;

import java.util.List;

/**
 * Both applications of a {@link BothStacks} test class, for a test that compares them; any
 * test method of such a class may declare a parameter of this type.
 *
 * @param servlet the application on Spring MVC and Tomcat
 * @param reactive the application on Spring WebFlux and Reactor Netty
 */
public record Stacks(Stack servlet, Stack reactive) implements AutoCloseable {

	/** Both stacks, servlet first. */
	public List<Stack> both() {
		return List.of(this.servlet, this.reactive);
	}

	@Override
	public void close() {
		try (Stack reactive = this.reactive) {
			this.servlet.close();
		}
	}

}
