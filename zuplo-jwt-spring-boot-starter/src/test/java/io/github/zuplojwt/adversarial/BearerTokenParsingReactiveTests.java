package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link BearerTokenParsingTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class BearerTokenParsingReactiveTests extends BearerTokenParsingTests {

}
