package io.github.zuplojwt.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 403 with a problem+json body when a valid token lacks the authority a resource
 * needs, with the RFC 6750 {@code insufficient_scope} challenge.
 */
public final class ZuploAccessDeniedHandler implements AccessDeniedHandler {

	static final String DENIED = "the token is valid but does not grant the authority this resource requires";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				ProblemResponses.bearerChallenge(BearerTokenErrorCodes.INSUFFICIENT_SCOPE, DENIED));
		ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, BearerTokenErrorCodes.INSUFFICIENT_SCOPE,
				DENIED);
	}

}
