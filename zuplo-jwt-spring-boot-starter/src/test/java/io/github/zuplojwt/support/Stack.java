package io.github.zuplojwt.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.zuplojwt.support.boot.ReactorNettyServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One web stack's running application of a {@link BothStacks} test class, on a random port:
 * Spring MVC on Tomcat ({@code servlet}) or Spring WebFlux on Reactor Netty
 * ({@code reactive}).
 */
public final class Stack implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private final HttpCalls http;

	private Stack(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.http = new HttpCalls(port());
	}

	/**
	 * Starts the application of the given sources on the named stack. Reactor Netty's
	 * resources are released without the quiet period (2 s) that lets a production server
	 * finish its last requests: the test class is over.
	 * @param name {@code servlet} or {@code reactive}
	 * @param properties {@code name=value} pairs, as command-line arguments would give them
	 */
	static Stack start(String name, Class<?>[] sources, List<String> properties) {
		List<Class<?>> allSources = new ArrayList<>(Arrays.asList(sources));
		allSources.add(ReactorNettyServer.class);
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=" + name, "--server.port=0",
				"--spring.reactor.netty.shutdown-quiet-period=0s"));
		properties.forEach((property) -> args.add("--" + property));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(allSources.toArray(Class<?>[]::new))
			.run(args.toArray(String[]::new));
		return new Stack(name, context);
	}

	/** A client for the application's port. */
	public HttpCalls http() {
		return this.http;
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** The application's only bean of the given type. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public boolean isReactive() {
		return "reactive".equals(this.name);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** {@code servlet} or {@code reactive}. */
	@Override
	public String toString() {
		return this.name;
	}

}
