package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.autoconfigure.IdentityTokenPins.UnpinnedAccountException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports Zuplo's Identity Token issuer trusted without an account pin as the risk it is and
 * the setting to add, instead of Spring Boot's generic "Invalid value 'null'" for a property
 * that is not set.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnpinnedAccountFailureAnalyzer extends AbstractFailureAnalyzer<UnpinnedAccountException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnpinnedAccountException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
