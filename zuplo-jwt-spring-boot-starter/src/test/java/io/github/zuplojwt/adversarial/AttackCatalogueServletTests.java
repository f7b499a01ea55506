package io.github.zuplojwt.adversarial;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link AttackCatalogueTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class AttackCatalogueServletTests extends AttackCatalogueTests {

}
