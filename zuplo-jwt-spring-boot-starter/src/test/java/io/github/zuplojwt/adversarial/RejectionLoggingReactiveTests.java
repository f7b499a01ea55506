package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link RejectionLoggingTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class RejectionLoggingReactiveTests extends RejectionLoggingTests {

}
