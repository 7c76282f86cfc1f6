package org.qiao.curriculum.rest;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.qiao.curriculum.service.ImportService;
import org.qiao.kit.http.UploadBodies;
import org.qiao.kit.http.UploadSlots;

/**
 * Admits an upload before a byte of its body is read (the role was checked before this filter
 * runs): the caller's institution must be registered, and a slot free for it and for the service. A
 * refused caller gets its problem while its body is thrown away unread, or never sent.
 */
@Provider
@AdmitsUpload
@Priority(Priorities.AUTHORIZATION)
public class UploadAdmission implements ContainerRequestFilter {

  /** The admitted upload's slot, for the resource to free once the body is stored. */
  static final String SLOT = UploadAdmission.class.getName() + ".slot";

  private final ImportService imports;
  private final ImportUploads slots;
  private final CurrentVertxRequest current;

  // Filters are built at static init: these are all proxies, resolved per request.
  UploadAdmission(ImportService imports, ImportUploads slots, CurrentVertxRequest current) {
    this.imports = imports;
    this.slots = slots;
    this.current = current;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    RoutingContext rc = current.getCurrent();
    try {
      UploadSlots.Slot slot = slots.acquire(imports.admitImporter());
      // Freed by the resource once the body is stored, and in any case when the answer is out.
      rc.addEndHandler(done -> slot.close());
      rc.put(SLOT, slot);
    } catch (RuntimeException e) {
      UploadBodies.dropUnread(rc, slots.maxFileSize());
      throw e;
    }
  }
}
