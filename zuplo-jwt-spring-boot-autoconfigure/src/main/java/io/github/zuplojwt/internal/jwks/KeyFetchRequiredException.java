package io.github.zuplojwt.internal.jwks;

/**
 * Keys for a token are not cached, and finding them would mean fetching the key set: thrown
 * only to callers that asked not to wait on the network (a reactive event loop), so that
 * they can continue where blocking is allowed.
 */
public final class KeyFetchRequiredException extends Exception {

	private static final long serialVersionUID = 1L;

	KeyFetchRequiredException() {
		super("the keys must be fetched first", null, false, false);
	}

}
