package io.github.zuplojwt.issuers;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link TrustedIssuersTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class TrustedIssuersReactiveTests extends TrustedIssuersTests {

}
