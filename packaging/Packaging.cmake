# Installable layout and packages. Here (Linux): .deb and .rpm for the app (`onsite`) and the
# server (`onsite-server`, with a systemd unit), checked by tests/packaging/check-packages.sh.
# Windows (NSIS) and macOS (DragNDrop) use Qt's deploy script; they are configured but not
# built on this machine.
include(GNUInstallDirs)

install(FILES ${CMAKE_SOURCE_DIR}/resources/org.onsite.Onsite.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT app)
install(FILES ${CMAKE_SOURCE_DIR}/resources/org.onsite.Onsite.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT app)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/onsite.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME org.onsite.Onsite.svg COMPONENT app)
foreach(size 16 24 32 48 64 128 256 512)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/org.onsite.Onsite.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT app)
endforeach()
if(ONSITE_BUILD_SERVER)
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/onsite-server.service
          DESTINATION lib/systemd/system COMPONENT server)
endif()

# Windows and macOS: Qt's libraries and plugins copied beside the app.
if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script)
  qt_generate_deploy_app_script(TARGET onsite FILENAME_VARIABLE onsite_deploy_script
                                NO_UNSUPPORTED_PLATFORM_ERROR)
  install(SCRIPT ${onsite_deploy_script} COMPONENT app)
endif()

set(CPACK_PACKAGE_NAME "onsite")
set(CPACK_PACKAGE_VENDOR "Onsite")
set(CPACK_PACKAGE_CONTACT "Onsite developers <dev@onsite.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://onsite.example.com/")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Onsite")
set(CPACK_PACKAGE_EXECUTABLES "onsite;Onsite")
set(CPACK_COMPONENT_APP_DISPLAY_NAME "Onsite")
set(CPACK_COMPONENT_APP_DESCRIPTION
    "Your assignments, checklists and time on site, online or offline.")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Onsite server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "The server the Onsite app syncs with: assignments, operations, resumable uploads.")
set(CPACK_COMPONENTS_ALL app)
if(ONSITE_BUILD_SERVER)
  list(APPEND CPACK_COMPONENTS_ALL server)
endif()

if(WIN32)
  set(CPACK_GENERATOR "NSIS")
  set(CPACK_NSIS_DISPLAY_NAME "Onsite")
  set(CPACK_NSIS_PACKAGE_NAME "Onsite")
  set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/resources/icons/onsite.ico")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\onsite.exe")
  set(CPACK_NSIS_CREATE_ICONS_EXTRA
      "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Onsite.lnk' '$INSTDIR\\\\bin\\\\onsite.exe'")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_COMPONENTS_ALL app)
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_DMG_VOLUME_NAME "Onsite")
  set(CPACK_COMPONENTS_ALL app)
else()
  set(CPACK_GENERATOR "DEB;RPM;TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
  set(CPACK_DEB_COMPONENT_INSTALL ON)
  set(CPACK_RPM_COMPONENT_INSTALL ON)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_APP_PACKAGE_NAME "onsite")
  set(CPACK_DEBIAN_APP_PACKAGE_SECTION "utils")
  # Plugins Qt loads at run time, which dpkg-shlibdeps cannot see: the window system's
  # platform plugin and the SQLite driver of the local cache (the server's: SQLite and
  # PostgreSQL). Qt's own translations (standard buttons in Spanish) are recommended.
  set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
  set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "qt6-translations-l10n")
  set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
  # The bundled demo starts the server beside the app.
  set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS "onsite-server")
  set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "onsite-server")
  set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION "net")
  set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql, nginx")
  set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
  set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
  set(CPACK_RPM_APP_PACKAGE_NAME "onsite")
  set(CPACK_RPM_APP_PACKAGE_GROUP "Applications/Productivity")
  set(CPACK_RPM_SERVER_PACKAGE_NAME "onsite-server")
  set(CPACK_RPM_SERVER_PACKAGE_GROUP "System Environment/Daemons")
  set(CPACK_RPM_APP_PACKAGE_REQUIRES "qt6-qtbase-gui")
  set(CPACK_RPM_SERVER_PACKAGE_REQUIRES "qt6-qtbase-postgresql")
  # Directories every system already owns are not the packages' to claim.
  set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
      /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
      /lib /lib/systemd /lib/systemd/system)
endif()
include(CPack)
