package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link ZuploJwtEndToEndTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class ZuploJwtEndToEndServletTests extends ZuploJwtEndToEndTests {

}
