package io.github.zuplojwt.web.servlet;

import java.io.IOException;

import io.github.zuplojwt.internal.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 403 with a problem+json body when a valid token lacks the authority a resource
 * needs, with the RFC 6750 {@code insufficient_scope} challenge.
 */
public final class ZuploAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		ServletProblemWriter.write(ProblemResponses.accessDenied(), request, response);
	}

}
