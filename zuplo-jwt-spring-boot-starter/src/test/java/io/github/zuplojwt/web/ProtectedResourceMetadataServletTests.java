package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link ProtectedResourceMetadataTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class ProtectedResourceMetadataServletTests extends ProtectedResourceMetadataTests {

}
