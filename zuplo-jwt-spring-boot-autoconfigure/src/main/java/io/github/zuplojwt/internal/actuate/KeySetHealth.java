package io.github.zuplojwt.internal.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.decoder.RejectionMonitor;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;

/**
 * The health of the gateway's signing keys, one entry per trusted issuer, read from the key
 * cache only: a health check never fetches keys and never waits on the network. Each Spring
 * Boot generation's adapter turns it into that generation's {@code Health}.
 * <ul>
 * <li>{@code UNKNOWN} ({@code not-fetched}): no token of the issuer has arrived yet, and
 * nothing is fetched before the first one unless {@code zuplo.jwks.warm-up} is on.</li>
 * <li>{@code UP} ({@code keys-cached}): the last fetch succeeded and its keys are in use.</li>
 * <li>{@code UP} ({@code stale}): the last fetch failed, but keys from an earlier one are
 * still used, until {@code usableUntil}.</li>
 * <li>{@code DOWN} ({@code no-usable-keys}): the last fetch failed and no cached keys may be
 * used; tokens of this issuer get 503 until a fetch succeeds.</li>
 * <li>{@code UNKNOWN} ({@code expired}): keys were fetched but are too old to use and no fetch
 * has failed since; the next token fetches them again.</li>
 * </ul>
 * The whole is {@code DOWN} if any issuer is, else {@code UP} if any issuer is, else
 * {@code UNKNOWN}. Refused tokens never change the status: they may come from anyone.
 * <p>
 * With the starter's decoder, {@code rejections} shows, for every reason a token has been
 * refused for since startup (by its code, such as {@code issuer}), {@code lastMinute} (how
 * many in the last minute), {@code total} (since startup) and {@code last} (when the last
 * one was); for an issuer, audience or algorithm that looks like a configuration mistake,
 * {@code latest} also says what the latest such token carried against what is configured,
 * as the WARN line does. It reads counters the decoder keeps anyway.
 *
 * @param status {@code UP}, {@code DOWN} or {@code UNKNOWN}, as Spring Boot's status codes
 * @param details the details of the health component: {@code issuers}, each issuer's state,
 * and {@code rejections}, the refused tokens by reason
 */
public record KeySetHealth(String status, Map<String, Object> details) {

	private static final String UP = "UP";

	private static final String DOWN = "DOWN";

	private static final String UNKNOWN = "UNKNOWN";

	/**
	 * The health of the decoder's key sets at {@code now}, and the tokens it has refused if it
	 * is the starter's.
	 */
	public static KeySetHealth of(ZuploJwtDecoder decoder, Instant now) {
		KeySetHealth keySets = of(decoder.keySets(), now);
		if (!(decoder instanceof VerifyingJwtDecoder verifying)) {
			return keySets;
		}
		Map<String, Object> details = new LinkedHashMap<>(keySets.details());
		details.put("rejections", rejections(verifying.rejections()));
		return new KeySetHealth(keySets.status(), details);
	}

	/** The health of these key sets at {@code now}. */
	static KeySetHealth of(List<KeySetState> keySets, Instant now) {
		Map<String, Object> issuers = new LinkedHashMap<>();
		boolean anyUp = false;
		boolean anyDown = false;
		for (KeySetState keySet : keySets) {
			State state = State.of(keySet, now);
			anyUp |= UP.equals(state.status);
			anyDown |= DOWN.equals(state.status);
			issuers.put(keySet.issuer(), details(keySet, state));
		}
		String status = anyDown ? DOWN : (anyUp ? UP : UNKNOWN);
		return new KeySetHealth(status, Map.of("issuers", issuers));
	}

	private static Map<String, Object> details(KeySetState keySet, State state) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", state.status);
		details.put("state", state.code);
		details.put("location", keySet.location());
		details.put("keys", keySet.keys());
		details.put("stale", keySet.stale());
		putIfPresent(details, "lastSuccess", keySet.lastSuccess());
		putIfPresent(details, "lastFailure", keySet.lastFailure());
		putIfPresent(details, "lastFailureReason", keySet.lastFailureReason());
		putIfPresent(details, "usableUntil", keySet.usableUntil());
		return details;
	}

	private static Map<String, Object> rejections(List<RejectionMonitor.Count> counts) {
		Map<String, Object> rejections = new LinkedHashMap<>();
		for (RejectionMonitor.Count count : counts) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("lastMinute", count.lastMinute());
			details.put("total", count.total());
			putIfPresent(details, "last", count.last());
			putIfPresent(details, "latest", count.latestMistake());
			rejections.put(count.reason().code(), details);
		}
		return rejections;
	}

	private static void putIfPresent(Map<String, Object> details, String name, Object value) {
		if (value != null) {
			details.put(name, (value instanceof Instant instant) ? instant.toString() : value);
		}
	}

	/** What one issuer's key set state means for its health. */
	enum State {

		NOT_FETCHED("not-fetched", UNKNOWN),

		KEYS_CACHED("keys-cached", UP),

		STALE("stale", UP),

		NO_USABLE_KEYS("no-usable-keys", DOWN),

		EXPIRED("expired", UNKNOWN);

		private final String code;

		private final String status;

		State(String code, String status) {
			this.code = code;
			this.status = status;
		}

		static State of(KeySetState keySet, Instant now) {
			if (keySet.neverFetched()) {
				return NOT_FETCHED;
			}
			if (keySet.hasUsableKeys(now)) {
				return keySet.stale() ? STALE : KEYS_CACHED;
			}
			return keySet.stale() ? NO_USABLE_KEYS : EXPIRED;
		}

	}

}
