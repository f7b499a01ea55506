package io.github.zuplojwt.web.servlet;

import java.io.IOException;

import io.github.zuplojwt.internal.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers 400 with a problem+json body when Spring Security's firewall refuses a request
 * (a header value with raw non-ASCII bytes, an encoded slash or a semicolon in the path, an
 * unknown method, …), as every other refusal of the starter is answered. Neither the body
 * nor the log names the refused value: it may be a header that holds a token, and Spring
 * Security's own handler logs it whole at DEBUG.
 */
public final class ZuploRequestRejectedHandler implements RequestRejectedHandler {

	private static final Log logger = LogFactory.getLog(ZuploRequestRejectedHandler.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a request that Spring Security's firewall rejects (400); the refused value is not"
					+ " logged, as it may hold a token");
		}
		if (!response.isCommitted()) {
			ServletProblemWriter.write(ProblemResponses.requestRejected(), request, response);
		}
	}

}
