-- The file is a pantau database: "PANT" (0x50414E54), checked before anything is written.
PRAGMA application_id = 1346457172;
