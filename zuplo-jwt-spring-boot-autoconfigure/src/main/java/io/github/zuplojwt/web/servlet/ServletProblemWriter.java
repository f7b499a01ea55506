package io.github.zuplojwt.web.servlet;

import java.io.IOException;
import java.util.Map;

import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.github.zuplojwt.internal.web.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a {@link ProblemResponse} to a servlet response, directly, because it is sent from
 * the security filter chain; with the gateway's request id when {@link ZuploRequestIdFilter}
 * took one.
 */
final class ServletProblemWriter {

	private ServletProblemWriter() {
	}

	static void write(ProblemResponse problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] body = problem.body(request.getRequestURI(),
				(String) request.getAttribute(GatewayRequestId.ATTRIBUTE));
		response.setStatus(problem.status().value());
		for (Map.Entry<String, String> header : problem.headers().entrySet()) {
			response.setHeader(header.getKey(), header.getValue());
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
