/**
 * File sharing: who may upload ({@link chatroom.core.upload.UploadPolicy}), the short-lived upload tokens a connected
 * user asks for over IRC ({@link chatroom.core.upload.UploadGrants}) and the port where files and their metadata are
 * kept ({@link chatroom.core.upload.UploadStore}). The HTTP side is in the transport module.
 */
@NullMarked
package chatroom.core.upload;

import org.jspecify.annotations.NullMarked;
