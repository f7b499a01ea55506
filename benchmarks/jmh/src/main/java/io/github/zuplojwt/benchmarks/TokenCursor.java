package io.github.zuplojwt.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Walks round a pool of tokens, one step per operation, so that consecutive operations see
 * different tokens. One per benchmark thread.
 */
@State(Scope.Thread)
public class TokenCursor {

	private int position;

	/** The next index into a pool of the given size. */
	public int next(int size) {
		int current = this.position;
		this.position = (current + 1 == size) ? 0 : current + 1;
		return current;
	}

}
