package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.observation.TokenVerificationObservation;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Observes every verification of a {@link ReactiveJwtDecoder} as
 * {@value TokenVerificationObservation#NAME}, the reactive counterpart of
 * {@link TokenVerificationObservation#observe(org.springframework.security.oauth2.jwt.JwtDecoder)}:
 * the observation starts when the verification is subscribed to and ends with exactly one
 * outcome, accepted, rejected (or unavailable), or cancelled when the caller gives up first.
 * It carries the gateway's request id that {@link ZuploRequestIdWebFilter} took.
 */
public final class ObservedReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final TokenVerificationObservation observation;

	/**
	 * @param decoder the decoder whose verifications are observed
	 * @param observation where they are observed
	 */
	public ObservedReactiveJwtDecoder(ReactiveJwtDecoder decoder, TokenVerificationObservation observation) {
		this.decoder = decoder;
		this.observation = observation;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		return Mono.deferContextual((context) -> {
			TokenVerificationObservation.Verification verification = this.observation
				.start(ZuploRequestIdWebFilter.requestId(context));
			return Mono.defer(() -> this.decoder.decode(token))
				.doOnSuccess(verification::accepted)
				.doOnError(verification::rejected)
				.doOnCancel(verification::cancelled);
		});
	}

}
