package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.web.GatewayRequestId;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies tokens for a reactive application with the same verification core as the servlet
 * stack, without ever blocking the calling thread (a Netty event loop): a token is judged on
 * that thread when the keys it needs are cached (or it was verified before), and on a
 * scheduler where blocking is allowed when keys must be fetched first, carrying on from where
 * the event loop stopped (the cheap checks are not run twice, and the token-cache lookup is
 * counted once). Rules, messages and key management are the core's; nothing is judged here.
 * On either thread the decoder logs with the gateway's request id that
 * {@link ZuploRequestIdWebFilter} took, whether or not Reactor restores the logging MDC.
 * <p>
 * Any other {@link JwtDecoder}, which may block on every call, is always called on that
 * scheduler.
 */
public final class ZuploReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final JwtDecoder decoder;

	private final Scheduler blockingScheduler;

	/** Adapts the decoder, fetching keys on {@link Schedulers#boundedElastic()}. */
	public ZuploReactiveJwtDecoder(JwtDecoder decoder) {
		this(decoder, Schedulers.boundedElastic());
	}

	/**
	 * Adapts the decoder.
	 * @param decoder the decoder, a {@link ZuploJwtDecoder} or any other
	 * @param blockingScheduler where calls that may wait on the network run
	 */
	public ZuploReactiveJwtDecoder(JwtDecoder decoder, Scheduler blockingScheduler) {
		this.decoder = decoder;
		this.blockingScheduler = blockingScheduler;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		return Mono.deferContextual((context) -> {
			String requestId = ZuploRequestIdWebFilter.requestId(context);
			if (this.decoder instanceof VerifyingJwtDecoder core) {
				VerifyingJwtDecoder.Attempt attempt = GatewayRequestId.inMdc(requestId,
						() -> core.decodeWithoutFetching(token));
				return (attempt.jwt() != null) ? Mono.just(attempt.jwt())
						: Mono.fromCallable(() -> GatewayRequestId.inMdc(requestId, attempt::finish))
							.subscribeOn(this.blockingScheduler);
			}
			return Mono.fromCallable(() -> GatewayRequestId.inMdc(requestId, () -> this.decoder.decode(token)))
				.subscribeOn(this.blockingScheduler);
		});
	}

}
