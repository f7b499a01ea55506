package io.github.zuplojwt.autoconfigure;

import java.util.function.Supplier;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Stops an application on a Spring Boot version the starter does not support, before any of its
 * configuration is loaded, with a message naming the supported versions instead of a linkage error.
 * It uses only types that every Spring Boot version has, so it also runs on Spring Boot 3.
 * {@code zuplo.compatibility-verifier.enabled=false} (or {@code zuplo.enabled=false}) skips it.
 */
class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String ENABLED_PROPERTY = "zuplo.compatibility-verifier.enabled";

	static final String SUPPORTED_VERSIONS = "Spring Boot 3.5.x, or 4.0 or a later 4.x release";

	private final Supplier<String> springBootVersion;

	SpringBootVersionCheck() {
		this(SpringBootVersion::getVersion);
	}

	SpringBootVersionCheck(Supplier<String> springBootVersion) {
		this.springBootVersion = springBootVersion;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("zuplo.enabled", Boolean.class, true)
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		String version = this.springBootVersion.get();
		// null when Spring Boot is not loaded from its jar (no manifest to read): nothing to judge.
		if (version != null && !isSupported(version)) {
			throw new UnsupportedSpringBootVersionException(version);
		}
	}

	/** Whether the version is 3.5.x or any 4.x: the lines the starter is built and tested for. */
	static boolean isSupported(String version) {
		return version.matches("(3\\.5|4\\.\\d+)([.-].*)?");
	}

	/**
	 * Thrown at startup on an unsupported Spring Boot version; its message alone says what to do.
	 */
	static class UnsupportedSpringBootVersionException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final String description;

		private final String action;

		UnsupportedSpringBootVersionException(String version) {
			this("zuplo-jwt-spring-boot-starter needs " + SUPPORTED_VERSIONS
					+ ", but this application runs on Spring Boot " + version + ".",
					"Run the application on " + SUPPORTED_VERSIONS + ". To start it anyway, untested, set "
							+ ENABLED_PROPERTY + "=false.");
		}

		private UnsupportedSpringBootVersionException(String description, String action) {
			super(description + " " + action);
			this.description = description;
			this.action = action;
		}

	}

	/**
	 * Reports {@link UnsupportedSpringBootVersionException} as Spring Boot's "application failed to
	 * start" description and action.
	 */
	static class UnsupportedSpringBootVersionFailureAnalyzer
			extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
			return new FailureAnalysis(cause.description, cause.action, cause);
		}

	}

}
