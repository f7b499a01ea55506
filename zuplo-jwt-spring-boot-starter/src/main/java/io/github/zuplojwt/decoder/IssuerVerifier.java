package io.github.zuplojwt.decoder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.zuplojwt.crypto.ZuploJwsVerifierFactory;
import io.github.zuplojwt.jwks.KeySetUnavailableException;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Verifies tokens of one trusted issuer: the signature with the issuer's own keys (Nimbus's
 * JWT processor), then the claims with the issuer's validators.
 */
final class IssuerVerifier {

	private final TrustedIssuer issuer;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	private final Converter<Map<String, Object>, Map<String, Object>> claimConverter = MappedJwtClaimSetConverter
		.withDefaults(Map.of());

	private final OAuth2TokenValidator<Jwt> validator;

	IssuerVerifier(TrustedIssuer issuer, JWSKeySelector<SecurityContext> keySelector,
			ZuploJwsVerifierFactory verifierFactory, OAuth2TokenValidator<Jwt> validator) {
		this.issuer = issuer;
		this.validator = validator;
		this.processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
				new JOSEObjectType("application/jwt"), null));
		this.processor.setJWSKeySelector(keySelector);
		this.processor.setJWSVerifierFactory(verifierFactory);
		// Claims are checked by the Spring validators below, with plain-language reasons.
		this.processor.setJWTClaimsSetVerifier(null);
	}

	TrustedIssuer issuer() {
		return this.issuer;
	}

	Jwt verify(String token, SignedJWT parsed) {
		JWTClaimsSet claims = verifySignature(parsed);
		Jwt jwt = toJwt(token, parsed, claims);
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			String reason = result.getErrors().iterator().next().getDescription();
			throw new JwtValidationException(reason, result.getErrors());
		}
		return jwt;
	}

	private JWTClaimsSet verifySignature(SignedJWT parsed) {
		try {
			return this.processor.process(parsed, null);
		}
		catch (KeySourceException ex) {
			Duration retryAfter = (ex instanceof KeySetUnavailableException unavailable) ? unavailable.getRetryAfter()
					: this.issuer.jwks().refreshCooldown();
			throw new SigningKeysUnavailableException(
					"signing keys of the issuer cannot be obtained right now; try again later", retryAfter, ex);
		}
		catch (BadJWSException ex) {
			throw new InvalidTokenException("token signature is not valid");
		}
		catch (BadJOSEException ex) {
			throw new InvalidTokenException("no trusted signing key matches the token's key id (kid) and algorithm");
		}
		catch (JOSEException ex) {
			throw new InvalidTokenException("token signature could not be verified");
		}
	}

	private Jwt toJwt(String token, SignedJWT parsed, JWTClaimsSet claims) {
		if (claims.getIssueTime() != null && claims.getExpirationTime() != null
				&& !claims.getExpirationTime().after(claims.getIssueTime())) {
			throw new InvalidTokenException("token expires before it was issued (exp is not after iat)");
		}
		Map<String, Object> headers = new LinkedHashMap<>(parsed.getHeader().toJSONObject());
		Map<String, Object> converted = this.claimConverter.convert(claims.getClaims());
		try {
			return Jwt.withTokenValue(token).headers((h) -> h.putAll(headers)).claims((c) -> c.putAll(converted)).build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException("token claims are not of the expected types");
		}
	}

}
