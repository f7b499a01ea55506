package io.github.zuplojwt.test;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
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

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ZuploTestIssuer.startFor(context, !testSetsItsOwnIssuer(mergedConfig));
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
