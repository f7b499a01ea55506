package io.github.zuplojwt.internal.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.decoder.RejectionReason;

/**
 * What the decoder tells operators about the tokens it refuses, without DEBUG: every refusal
 * counted by reason, for the {@code zuplo} health component to read, and a WARN line, at most
 * once per reason per {@link #INTERVAL}, when refusals look like a mistake in the
 * configuration (see {@link ConfigurationMistakes}). Its state has a fixed size, and a
 * refusal costs a few atomic operations.
 */
public final class RejectionMonitor {

	/**
	 * A minute: at most one configuration-mistake line per reason in it, and the window of
	 * the recent counts.
	 */
	public static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Clock clock;

	private final Map<RejectionReason, RejectionCounter> counters = new EnumMap<>(RejectionReason.class);

	private final ConfigurationMistakes mistakes;

	RejectionMonitor(List<TrustedIssuer> issuers, VerificationPolicy policy) {
		this.clock = policy.clock();
		for (RejectionReason reason : RejectionReason.values()) {
			this.counters.put(reason, new RejectionCounter());
		}
		this.mistakes = new ConfigurationMistakes(issuers, policy.algorithmNames());
	}

	/** Counts a refused token, and warns if it looks like a configuration mistake. */
	void refused(RejectionReason reason, RefusedToken token) {
		long now = this.clock.millis();
		this.counters.get(reason).add(now);
		this.mistakes.refused(reason, token, now);
	}

	/**
	 * The counts of every reason for which a token has been refused, in the order of
	 * {@link RejectionReason}; empty while none has.
	 */
	public List<Count> counts() {
		long now = this.clock.millis();
		List<Count> counts = new ArrayList<>();
		this.counters.forEach((reason, counter) -> {
			long total = counter.total();
			if (total > 0) {
				counts.add(new Count(reason, counter.recent(now), total, counter.last(), this.mistakes.latest(reason)));
			}
		});
		return counts;
	}

	/**
	 * The tokens refused for one reason.
	 *
	 * @param reason why they were refused
	 * @param lastMinute how many in the last minute (the current second and the 59 before)
	 * @param total how many since the decoder was built
	 * @param last when the last one was refused
	 * @param latestMistake for a reason that may be a configuration mistake (issuer, audience,
	 * algorithm), what the latest such token carried against what is configured; otherwise
	 * {@code null}
	 */
	public record Count(RejectionReason reason, long lastMinute, long total, Instant last, String latestMistake) {
	}

}
