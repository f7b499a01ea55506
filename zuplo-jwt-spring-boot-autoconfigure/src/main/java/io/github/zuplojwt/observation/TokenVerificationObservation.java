package io.github.zuplojwt.observation;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.github.zuplojwt.web.RequestIdSettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Observes token verifications as {@value #NAME} (a timer and, with tracing, a span), with
 * the low-cardinality key values {@value #OUTCOME} ({@code accepted}, {@code rejected} or
 * {@code unavailable}), {@value #REASON} (a {@link io.github.zuplojwt.decoder.RejectionReason}
 * code, {@code other} for a rejection by a decoder other than the starter's, or {@code none})
 * and {@value #ISSUER} (the issuer of an accepted token when it is a trusted issuer, otherwise
 * {@code none}: a rejected token's {@code iss} is unverified and may be forged), and the
 * high-cardinality key value {@value #REQUEST_ID}, the gateway's request id when one of
 * Zuplo's shape came in, so that a trace shows it on the span. The token, its subject and its
 * {@code kid} are never recorded.
 * <p>
 * Both web stacks use it the same way: {@link #start()} before verifying, then one of
 * {@link Verification#accepted(Jwt)} or {@link Verification#rejected(Throwable)}. The servlet
 * stack wraps its blocking decoder with {@link #observe(JwtDecoder)}; the reactive stack wraps
 * its decoder with {@code io.github.zuplojwt.web.reactive.ObservedReactiveJwtDecoder}, which
 * calls {@code start()} when its {@code Mono} is subscribed and ends the verification when it
 * succeeds, fails or is cancelled ({@link Verification#cancelled()}).
 */
public final class TokenVerificationObservation {

	/** Name of the observation of one token verification. */
	public static final String NAME = "zuplo.token.verification";

	/** Key of the outcome: accepted, rejected or unavailable. */
	public static final String OUTCOME = "outcome";

	/** Key of the rejection reason code, {@code none} for an accepted token. */
	public static final String REASON = "reason";

	/** Key of the trusted issuer of an accepted token, {@code none} otherwise. */
	public static final String ISSUER = "zuplo.issuer";

	/**
	 * Key of the gateway's request id, high-cardinality (on the span, never a metric tag),
	 * present only when a request id of Zuplo's shape came in.
	 */
	public static final String REQUEST_ID = RequestIdSettings.MDC_KEY;

	private static final String NONE = "none";

	private final ObservationRegistry registry;

	private final Set<String> trustedIssuers;

	/**
	 * @param registry where verifications are observed
	 * @param trustedIssuers the configured issuers: only these ever appear as the issuer
	 */
	public TokenVerificationObservation(ObservationRegistry registry, Collection<String> trustedIssuers) {
		this.registry = registry;
		this.trustedIssuers = Set.copyOf(trustedIssuers);
	}

	/**
	 * Starts observing one verification of the request this thread serves, with its
	 * gateway request id when the logging MDC holds one; end it with exactly one outcome.
	 */
	public Verification start() {
		return start(GatewayRequestId.current());
	}

	/**
	 * Starts observing one verification of the request with the given gateway request id;
	 * end it with exactly one outcome.
	 * @param requestId the id, recorded as {@value #REQUEST_ID} only when it has the shape
	 * of Zuplo's (a UUID); {@code null} for none
	 */
	public Verification start(String requestId) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("zuplo token verification");
		if (GatewayRequestId.isWellFormed(requestId)) {
			observation.highCardinalityKeyValue(REQUEST_ID, requestId);
		}
		return new Verification(observation.start());
	}

	/**
	 * A blocking decoder that observes every verification of {@code decoder}, for the
	 * servlet stack.
	 */
	public JwtDecoder observe(JwtDecoder decoder) {
		return (token) -> {
			Verification verification = start();
			Jwt jwt;
			try {
				jwt = decoder.decode(token);
			}
			catch (RuntimeException ex) {
				verification.rejected(ex);
				throw ex;
			}
			verification.accepted(jwt);
			return jwt;
		};
	}

	/**
	 * One verification being observed. The first outcome ends it; any later one (a reactive
	 * cancel racing a result) is ignored, so each verification is recorded once.
	 */
	public final class Verification {

		private final Observation observation;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Verification(Observation observation) {
			this.observation = observation;
		}

		/** The token was verified and accepted. */
		public void accepted(Jwt jwt) {
			if (this.ended.compareAndSet(false, true)) {
				String issuer = (jwt != null) ? jwt.getClaimAsString("iss") : null;
				record("accepted", NONE,
						TokenVerificationObservation.this.trustedIssuers.contains(issuer) ? issuer : NONE);
			}
		}

		/**
		 * The token was not accepted: rejected, or not judged because the issuer's signing
		 * keys could not be obtained ({@code unavailable}, recorded as an error).
		 */
		public void rejected(Throwable failure) {
			if (!this.ended.compareAndSet(false, true)) {
				return;
			}
			if (failure instanceof SigningKeysUnavailableException
					|| failure.getCause() instanceof SigningKeysUnavailableException) {
				this.observation.error(failure);
				record("unavailable", "keys_unavailable", NONE);
				return;
			}
			InvalidTokenException invalid = (failure instanceof InvalidTokenException ex) ? ex
					: (failure.getCause() instanceof InvalidTokenException ex) ? ex : null;
			record("rejected", (invalid != null) ? invalid.getReason().code() : "other", NONE);
		}

		/** The caller gave up before an outcome (a cancelled reactive subscription). */
		public void cancelled() {
			if (this.ended.compareAndSet(false, true)) {
				record("cancelled", NONE, NONE);
			}
		}

		private void record(String outcome, String reason, String issuer) {
			this.observation.lowCardinalityKeyValue(OUTCOME, outcome)
				.lowCardinalityKeyValue(REASON, reason)
				.lowCardinalityKeyValue(ISSUER, issuer)
				.stop();
		}

	}

}
