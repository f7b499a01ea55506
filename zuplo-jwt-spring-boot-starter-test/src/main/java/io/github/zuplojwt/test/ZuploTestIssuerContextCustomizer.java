package io.github.zuplojwt.test;

import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a {@link ZuploTestIssuer} for one application context, before it refreshes: the
 * issuer becomes the application's trusted issuer and a bean, and closes with the context.
 * All instances are equal, so tests with the same configuration share one context, and so
 * one issuer.
 */
class ZuploTestIssuerContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "zuploTestIssuer";

	static final String ISSUER_PROPERTIES = "zuploTestIssuer";

	static final String DEFAULT_PROPERTIES = "zuploTestIssuerDefaults";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ZuploTestIssuer issuer = ZuploTestIssuer.start();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!testSetsItsOwnIssuer(mergedConfig)) {
			// First: the test issuer replaces whatever issuer the application's own configuration names.
			environment.getPropertySources()
				.addFirst(new MapPropertySource(ISSUER_PROPERTIES,
						Map.of("zuplo.issuer", issuer.issuer(), "zuplo.jwks-uri", issuer.jwksUri())));
		}
		// Last: a default that any audience the application or the test configures overrides.
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULT_PROPERTIES,
					Map.of("zuplo.audiences", ZuploTestIssuer.DEFAULT_AUDIENCE)));
		issuer.application(() -> ApplicationSettings.of(environment));
		context.getBeanFactory().registerSingleton(BEAN_NAME, issuer);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				issuer.close();
			}
		});
	}

	private static boolean testSetsItsOwnIssuer(MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties = TestPropertySourceUtils
			.convertInlinedPropertiesToMap(mergedConfig.getPropertySourceProperties());
		return properties.keySet()
			.stream()
			.anyMatch((name) -> name.equals("zuplo.issuer") || name.startsWith("zuplo.issuers"));
	}

	@Override
	public boolean equals(Object other) {
		return (other != null) && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
