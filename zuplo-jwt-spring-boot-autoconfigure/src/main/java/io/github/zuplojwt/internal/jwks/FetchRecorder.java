package io.github.zuplojwt.internal.jwks;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.decoder.KeySetState;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Records every key set fetch of one issuer: its outcome for {@link KeySetState}, and a
 * {@value #OBSERVATION_NAME} observation (a timer and, with tracing, a span) tagged with the
 * issuer and the outcome.
 */
final class FetchRecorder extends JWKSetSourceWrapper<SecurityContext> {

	/** Name of the observation of one key set fetch. */
	static final String OBSERVATION_NAME = "zuplo.jwks.fetch";

	private final String issuer;

	private final String location;

	private final Duration usableFor;

	private final ObservationRegistry observations;

	private volatile KeySetState state;

	FetchRecorder(JWKSetSource<SecurityContext> source, String issuer, String location, Duration usableFor,
			ObservationRegistry observations) {
		super(source);
		this.issuer = issuer;
		this.location = location;
		this.usableFor = usableFor;
		this.observations = observations;
		this.state = new KeySetState(issuer, location, 0, null, null, null, null);
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.observations)
			.contextualName("zuplo jwks fetch")
			.lowCardinalityKeyValue("zuplo.issuer", this.issuer)
			.start();
		try {
			JWKSet fetched = getSource().getJWKSet(refreshEvaluator, currentTime, context);
			observation.lowCardinalityKeyValue("outcome", "success");
			succeeded(fetched);
			return fetched;
		}
		catch (KeySourceException | RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "failure");
			observation.error(ex);
			failed(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private synchronized void succeeded(JWKSet fetched) {
		Instant now = Instant.now();
		int keys = (fetched instanceof VerificationKeySet set) ? set.usableKeys() : fetched.size();
		KeySetState previous = this.state;
		this.state = new KeySetState(this.issuer, this.location, keys, now, previous.lastFailure(),
				previous.lastFailureReason(), now.plus(this.usableFor));
	}

	private synchronized void failed(Exception ex) {
		KeySetState previous = this.state;
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		this.state = new KeySetState(this.issuer, this.location, previous.keys(), previous.lastSuccess(),
				Instant.now(), reason, previous.usableUntil());
	}

	KeySetState state() {
		return this.state;
	}

}
