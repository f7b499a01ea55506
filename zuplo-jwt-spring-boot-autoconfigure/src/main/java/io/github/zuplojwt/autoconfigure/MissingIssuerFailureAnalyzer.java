package io.github.zuplojwt.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Reports a start without any trusted issuer as what it is, a setting to add, instead of
 * Spring Boot's generic "Invalid value 'null'" for {@code zuplo.issuer}, with the
 * {@code zuplo.*} keys that are not the starter's, such as a mistyped issuer. Other invalid
 * {@code zuplo.*} values are left to Spring Boot's own analyzer, which already prints the
 * key, the value and the reason.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingIssuerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> {

	private static final String ENVIRONMENT_VARIABLE = "ZUPLO_ISSUER";

	private final Environment environment;

	MissingIssuerFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
		if (!"zuplo.issuer".equals(cause.getName()) || cause.getValue() != null) {
			return null;
		}
		String description = "No Zuplo issuer is configured (neither zuplo.issuer nor zuplo.issuers is set), so the "
				+ "application cannot tell which gateway's tokens to trust and does not start.";
		String action = cause.getReason();
		if (!action.contains(ENVIRONMENT_VARIABLE)) {
			action += System.lineSeparator() + "In the environment, zuplo.issuer is " + ENVIRONMENT_VARIABLE
					+ " and the first entry of zuplo.issuers is ZUPLO_ISSUERS_0_ISSUER.";
		}
		for (String unknown : UnknownProperties.in(this.environment)) {
			action += System.lineSeparator() + unknown;
		}
		return new FailureAnalysis(description, action, cause);
	}

}
