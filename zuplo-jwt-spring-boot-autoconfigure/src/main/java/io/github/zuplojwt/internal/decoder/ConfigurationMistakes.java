package io.github.zuplojwt.internal.decoder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.crypto.SupportedAlgorithms;
import io.github.zuplojwt.internal.web.GatewayRequestId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells the operator, at WARN, when tokens are refused for a reason that is most likely a
 * mistake in the configuration rather than an attack: an issuer that is not trusted, an
 * audience that is not accepted, or an algorithm the starter supports but the allow-list
 * leaves out. One line names what the latest such token carries, what is configured, how
 * many such tokens were refused, and the fix.
 * <p>
 * At most one line per reason per {@link RejectionMonitor#INTERVAL}, however many tokens and
 * however many distinct values arrive: the first such token is reported at once, the next
 * line comes with the first such token once the interval has passed and counts every one
 * since. The state per reason is a few fields. A token with no issuer, or with an algorithm
 * the starter never verifies (HMAC, unknown names), is no gateway's token, so it is not
 * reported here; like every other rejection it is logged at DEBUG.
 */
final class ConfigurationMistakes {

	/**
	 * The decoder's logger: every line about refused tokens comes from one category, the
	 * one operators set.
	 */
	private static final Log logger = LogFactory.getLog(VerifyingJwtDecoder.class);

	private static final long NEVER = Long.MIN_VALUE;

	private static final long INTERVAL_MILLIS = RejectionMonitor.INTERVAL.toMillis();

	private final Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();

	private final List<String> algorithms;

	private final Map<RejectionReason, Reported> reported = new EnumMap<>(RejectionReason.class);

	ConfigurationMistakes(List<TrustedIssuer> issuers, List<String> algorithms) {
		issuers.forEach((issuer) -> this.issuers.put(issuer.issuer(), issuer));
		this.algorithms = List.copyOf(algorithms);
		for (RejectionReason reason : List.of(RejectionReason.ISSUER, RejectionReason.AUDIENCE,
				RejectionReason.ALGORITHM)) {
			this.reported.put(reason, new Reported());
		}
	}

	/**
	 * Takes note of a refused token, and logs the line of its reason if the token looks like
	 * a configuration mistake and the reason's last line is an interval old.
	 */
	void refused(RejectionReason reason, RefusedToken token, long nowMillis) {
		Reported reported = this.reported.get(reason);
		if (reported == null || !isLikelyMistake(reason, token)) {
			return;
		}
		reported.latest = token;
		reported.unreported.incrementAndGet();
		long lastLine = reported.lastLine.get();
		boolean due = lastLine == NEVER || nowMillis - lastLine >= INTERVAL_MILLIS || nowMillis < lastLine;
		if (due && reported.lastLine.compareAndSet(lastLine, nowMillis)) {
			long count = reported.unreported.getAndSet(0);
			logger.warn(line(reason, token, count, (lastLine != NEVER) ? nowMillis - lastLine : null));
		}
	}

	/**
	 * What the latest token refused for this reason as a likely configuration mistake
	 * carried, against what is configured; {@code null} if there was none.
	 */
	String latest(RejectionReason reason) {
		Reported reported = this.reported.get(reason);
		RefusedToken latest = (reported != null) ? reported.latest : null;
		return (latest != null) ? describe(reason, latest) : null;
	}

	private boolean isLikelyMistake(RejectionReason reason, RefusedToken token) {
		return switch (reason) {
			case ISSUER -> token.issuer() != null;
			case ALGORITHM -> token.algorithm() != null && SupportedAlgorithms.forName(token.algorithm()) != null;
			case AUDIENCE -> this.issuers.containsKey(token.issuer());
			default -> false;
		};
	}

	private String line(RejectionReason reason, RefusedToken token, long count, Long sinceLastLine) {
		String requestId = GatewayRequestId.current();
		return "Tokens refused, probably a configuration mistake: the latest " + describe(reason, token) + "; "
				+ count(count, sinceLastLine) + ". " + fix(reason, token) + " At most one such line a minute"
				+ ((requestId != null) ? "; the latest came with requestId=" + requestId : "") + ".";
	}

	private String describe(RejectionReason reason, RefusedToken token) {
		return switch (reason) {
			case ISSUER -> "names issuer " + Printable.quoted(token.issuer()) + ", which is not trusted (trusted: "
					+ String.join(", ", this.issuers.keySet()) + ")";
			case ALGORITHM -> "is signed with " + Printable.of(token.algorithm())
					+ ", which is not allowed (allowed: " + String.join(", ", this.algorithms) + ")";
			case AUDIENCE -> describeAudience(token);
			default -> throw new IllegalArgumentException("not a configuration mistake: " + reason);
		};
	}

	private String describeAudience(RefusedToken token) {
		TrustedIssuer issuer = this.issuers.get(token.issuer());
		String accepted = String.join(", ", issuer.audiences());
		if (hasNoAudience(token)) {
			return "has no audience (aud), and issuer " + issuer.issuer() + " requires one of: " + accepted;
		}
		List<String> audience = token.audience();
		if (audience.size() == 1) {
			return "names audience " + Printable.quoted(audience) + ", which issuer " + issuer.issuer()
					+ " does not accept (accepted: " + accepted + ")";
		}
		return "names audiences " + Printable.quoted(audience) + ", none of which issuer " + issuer.issuer()
				+ " accepts (accepted: " + accepted + ")";
	}

	private static String fix(RejectionReason reason, RefusedToken token) {
		return switch (reason) {
			case ISSUER -> "If they come from your gateway (a custom domain, another environment or the JWT Service"
					+ " plugin's basePath each make another issuer), trust that issuer with zuplo.issuer or an entry"
					+ " of zuplo.issuers.";
			case ALGORITHM -> "If your gateway signs with it (the JWT Service plugin's algorithm option), add it to"
					+ " zuplo.algorithms.";
			case AUDIENCE -> hasNoAudience(token)
					? "Set the audience option of the gateway's Upstream Zuplo JWT policy, or change zuplo.audiences"
							+ " (or that issuer's audiences under zuplo.issuers)."
					: "Set zuplo.audiences (or that issuer's audiences under zuplo.issuers) to the audience option of"
							+ " the gateway's Upstream Zuplo JWT policy, or change the policy's audience.";
			default -> "";
		};
	}

	private static boolean hasNoAudience(RefusedToken token) {
		List<String> audience = token.audience();
		return audience == null || audience.isEmpty();
	}

	private static String count(long count, Long sinceLastLine) {
		String tokens = (count == 1) ? "1 such token" : count + " such tokens";
		if (sinceLastLine == null) {
			return tokens + " since startup";
		}
		if (sinceLastLine < 0) {
			return tokens + " since the previous such line";
		}
		return tokens + " in the last " + format(Duration.ofMillis(sinceLastLine));
	}

	/** A duration as {@code 1m}, {@code 1m5s} or {@code 2h3m}: whole seconds, zero parts left out. */
	private static String format(Duration duration) {
		long seconds = duration.toSeconds();
		StringBuilder text = new StringBuilder();
		append(text, seconds / 3600, "h");
		append(text, (seconds % 3600) / 60, "m");
		append(text, seconds % 60, "s");
		return (text.length() > 0) ? text.toString() : "0s";
	}

	private static void append(StringBuilder text, long value, String unit) {
		if (value > 0) {
			text.append(value).append(unit);
		}
	}

	/** What has been reported of one reason, and what has not yet. */
	private static final class Reported {

		private final AtomicLong lastLine = new AtomicLong(NEVER);

		private final AtomicLong unreported = new AtomicLong();

		private volatile RefusedToken latest;

	}

}
