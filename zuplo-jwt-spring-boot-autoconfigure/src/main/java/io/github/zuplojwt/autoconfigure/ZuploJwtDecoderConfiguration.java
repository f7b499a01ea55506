package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.crypto.Ed25519Backend;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.jwks.KeySetLocations;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The {@link JwtDecoder} that verifies Zuplo tokens, and the Ed25519 backend it uses. It
 * backs off when the application declares its own decoder: a {@link JwtDecoder}, or in a
 * reactive application a {@link ReactiveJwtDecoder}. Building it logs what it trusts, in one
 * INFO line, and warns of what leaves it open.
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtDecoderConfiguration {

	private static final Log logger = LogFactory.getLog(ZuploJwtDecoderConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Ed25519Backend zuploEd25519Backend() {
		return new BouncyCastleEd25519Backend();
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	@Conditional(NoReactiveDecoderOfTheApplication.class)
	ZuploJwtDecoder zuploJwtDecoder(ZuploJwtProperties properties, Environment environment,
			Ed25519Backend ed25519Backend, ObjectProvider<OAuth2TokenValidator<Jwt>> userValidators,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<ObservationRegistry> observations) {
		UnknownProperties.in(environment).forEach(logger::warn);
		List<OAuth2TokenValidator<Jwt>> additional = userValidators.orderedStream().toList();
		VerifyingJwtDecoder decoder = ZuploJwtSettings.decoder(properties, sslBundles::getIfAvailable,
				new VerificationKeys(ed25519Backend),
				additional.isEmpty() ? null : new DelegatingOAuth2TokenValidator<>(additional),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		decoder.trustedIssuers().forEach(ZuploJwtDecoderConfiguration::warnIfUnprotected);
		logger.info(TrustSummary.line(decoder.trustedIssuers(), decoder.policy().algorithmNames(),
				ZuploJwtSettings.bearer(properties)));
		return decoder;
	}

	private static void warnIfUnprotected(TrustedIssuer issuer) {
		String identityTokenWarning = IdentityTokenPins.warning(issuer);
		if (identityTokenWarning != null) {
			logger.warn(identityTokenWarning);
		}
		if (issuer.audiences().isEmpty()) {
			logger.warn("No audience is configured for issuer " + issuer.issuer()
					+ ", so its tokens are accepted whatever their audience, including tokens the gateway minted"
					+ " for other backends. Set zuplo.audiences (or the entry's audiences under zuplo.issuers) to"
					+ " the audience configured in the Zuplo policy.");
		}
		if (issuer.jwks().allowHttp()) {
			String location = (issuer.jwks().discoveryIssuer() != null) ? "its discovery document's jwks_uri"
					: issuer.jwks().uri().toString();
			if (issuer.jwks().discoveryIssuer() != null || KeySetLocations.isInsecure(issuer.jwks().uri())) {
				logger.warn("zuplo.jwks.allow-http is on: the keys of issuer " + issuer.issuer() + " may be fetched"
						+ " over plain http (" + location + "). Anyone who can intercept that fetch can publish keys"
						+ " and mint tokens this service accepts. Use https outside a trusted network.");
			}
		}
	}

	/**
	 * Reads {@code zuplo.jwks.warm-up} when the context is refreshed rather than in a
	 * condition, so that an AOT-processed application honours the value it runs with.
	 */
	@Bean
	ApplicationListener<ContextRefreshedEvent> zuploJwksWarmUp(ZuploJwtProperties properties,
			ObjectProvider<ZuploJwtDecoder> decoder) {
		return (event) -> {
			if (properties.getJwks().isWarmUp()) {
				decoder.ifAvailable((zuplo) -> {
					if (zuplo instanceof VerifyingJwtDecoder verifying) {
						verifying.warmUp();
					}
				});
			}
		};
	}

	/**
	 * Matches unless a reactive application declares its own {@link ReactiveJwtDecoder}, which
	 * then replaces the starter's verification as a {@link JwtDecoder} does.
	 */
	static class NoReactiveDecoderOfTheApplication extends NoneNestedConditions {

		NoReactiveDecoderOfTheApplication() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(ReactiveApplicationWithItsOwnDecoder.class)
		static class ReactiveDecoderDeclared {

		}

	}

	/** Matches a reactive application that declares a {@link ReactiveJwtDecoder}. */
	static class ReactiveApplicationWithItsOwnDecoder extends AllNestedConditions {

		ReactiveApplicationWithItsOwnDecoder() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class Reactive {

		}

		@ConditionalOnBean(ReactiveJwtDecoder.class)
		static class DecoderDeclared {

		}

	}

}
