# Turns src/db/migrations/NNNN_name.sql (SQLite) and src/db/migrations/postgres/NNNN_name.sql
# (PostgreSQL) into C++ tables of (version, name, sql). Both sets must hold the same versions.
function(embed_set dir out_body out_versions)
  file(GLOB files ${dir}/*.sql)
  list(SORT files)
  set(body "")
  set(versions "")
  foreach(f ${files})
    get_filename_component(name ${f} NAME_WE)
    string(REGEX MATCH "^[0-9]+" version ${name})
    if(version STREQUAL "")
      message(FATAL_ERROR "Migration ${f} does not start with a version number")
    endif()
    file(READ ${f} sql)
    # The file name's zeros are padding: "0008" as a C++ literal would be a (bad) octal number.
    math(EXPR number "${version} + 0")
    string(APPEND body "  {${number}, \"${name}\", R\"artelsql(${sql})artelsql\"},\n")
    list(APPEND versions ${version})
  endforeach()
  set(${out_body} "${body}" PARENT_SCOPE)
  set(${out_versions} "${versions}" PARENT_SCOPE)
endfunction()

embed_set(${DIR} sqlite_body sqlite_versions)
embed_set(${DIR}/postgres postgres_body postgres_versions)
if(NOT sqlite_versions STREQUAL postgres_versions)
  message(FATAL_ERROR "SQLite migrations (${sqlite_versions}) and PostgreSQL migrations "
                      "(${postgres_versions}) must have the same version numbers")
endif()

file(WRITE ${OUT}.tmp "#include \"db/migrations.h\"
namespace artel::db {
const std::vector<Migration>& builtin_migrations(Dialect dialect) {
  static const std::vector<Migration> sqlite = {
${sqlite_body}  };
  static const std::vector<Migration> postgres = {
${postgres_body}  };
  return dialect == Dialect::Postgres ? postgres : sqlite;
}
}  // namespace artel::db
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
