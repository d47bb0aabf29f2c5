package db.migration.sqlite;

import chatroom.store.AccountSkeletons;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Look-alike skeletons for account names ({@link AccountSkeletons}). */
public final class V6__Account_skeletons extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        AccountSkeletons.migrate(context.getConnection());
    }
}
