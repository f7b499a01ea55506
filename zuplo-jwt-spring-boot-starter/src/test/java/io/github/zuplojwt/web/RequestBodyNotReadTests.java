package io.github.zuplojwt.web;

import java.util.Map;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Multipart;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking for the token never reads a request body: a client whose upload is still on its
 * way gets its answer at once, without a token, with a bad one or with a good one, so no
 * upload is parsed or spooled to disk for a caller the service has not authenticated yet.
 * Each request announces a body (under the multipart and form size limits, so that a parser
 * would really wait for it) and sends only its beginning. Spring MVC resolves multipart
 * requests lazily here, so that the endpoint, which reads no parts, leaves the body alone
 * too.
 */
@BothStacks(classes = TestApplication.class, properties = "spring.servlet.multipart.resolve-lazily=true")
class RequestBodyNotReadTests {

	private static final int ANNOUNCED_LENGTH = 256 * 1024;

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void unfinishedUploadWithoutATokenIsAnsweredAtOnce(Stack stack) {
		EarlyResponse response = stack.http()
			.postUnfinished("/protected", Multipart.CONTENT_TYPE,
					Multipart.startOfUpload(Map.of("access_token", gateway.token().sign())), ANNOUNCED_LENGTH);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("bearer token is required");
	}

	@StackTest
	void unfinishedUploadWithAnExpiredTokenIsAnsweredAtOnce(Stack stack) {
		EarlyResponse response = stack.http()
			.postUnfinished("/protected", Multipart.CONTENT_TYPE,
					Multipart.startOfUpload(Map.of("access_token", gateway.token().sign())), ANNOUNCED_LENGTH,
					"Authorization", "Bearer " + gateway.expiredToken());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("token expired");
	}

	@StackTest
	void unfinishedUploadWithAValidTokenReachesTheEndpointWithoutBeingRead(Stack stack) {
		String token = gateway.token().sign();

		EarlyResponse response = stack.http()
			.postUnfinished("/protected", Multipart.CONTENT_TYPE,
					Multipart.startOfUpload(Map.of("access_token", token)), ANNOUNCED_LENGTH, "Authorization",
					"Bearer " + token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

	@StackTest
	void unfinishedFormBodyWithAValidTokenIsNotRead(Stack stack) {
		String token = gateway.token().sign();

		EarlyResponse response = stack.http()
			.postUnfinished("/protected", "application/x-www-form-urlencoded", "access_token=" + token + "&note=",
					ANNOUNCED_LENGTH, "Authorization", "Bearer " + token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

}
