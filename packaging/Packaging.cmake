# Packaging: installable layout and CPack basics. Platform packages (deb/rpm contents checks,
# NSIS, DragNDrop) come with the packaging work; this keeps `cpack` usable meanwhile.
install(FILES ${CMAKE_SOURCE_DIR}/resources/org.onsite.Onsite.desktop
        DESTINATION share/applications COMPONENT app)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/onsite.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME org.onsite.Onsite.svg COMPONENT app)
set(CPACK_PACKAGE_NAME "onsite")
set(CPACK_PACKAGE_VENDOR "Onsite")
set(CPACK_PACKAGE_CONTACT "Onsite developers <dev@onsite.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "TGZ")
include(CPack)
