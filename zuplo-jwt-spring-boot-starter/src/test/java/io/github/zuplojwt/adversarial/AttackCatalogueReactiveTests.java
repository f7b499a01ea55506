package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link AttackCatalogueTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class AttackCatalogueReactiveTests extends AttackCatalogueTests {

}
