package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link VerificationMetricsTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class VerificationMetricsReactiveTests extends VerificationMetricsTests {

}
