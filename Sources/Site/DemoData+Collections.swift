// Demo site data, as MOF: the built-in collections with ConfigMgr's rules, and Contoso's own collections —
// a query on inventory, include and exclude rules — whose membership the evaluator computes at start-up.

extension DemoSite {
    static let collections = #"""
instance of SMS_Collection
{
    CollectionID = "SMS00001";
    Name = "All Systems";
    CollectionType = 2;
    IsBuiltIn = TRUE;
    Comment = "All Systems";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "All Systems";
            QueryExpression = "select * from SMS_R_System";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "SMS00002";
    Name = "All Users";
    CollectionType = 1;
    IsBuiltIn = TRUE;
    Comment = "All Users";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "All Users";
            QueryExpression = "select * from SMS_R_User";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "SMS00004";
    Name = "All Users and User Groups";
    CollectionType = 1;
    IsBuiltIn = TRUE;
    Comment = "All Users and User Groups";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "All Users";
            QueryExpression = "select * from SMS_R_User";
        },
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 2;
            RuleName = "All User Groups";
            QueryExpression = "select * from SMS_R_UserGroup";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "SMSDM003";
    Name = "All Desktop and Server Clients";
    CollectionType = 2;
    IsBuiltIn = TRUE;
    Comment = "All Desktop and Server Clients";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    LimitToCollectionID = "SMS00001";
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "All Desktop and Server Clients";
            QueryExpression = "select * from SMS_R_System where ClientType = 1 and Client = 1";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "S0100010";
    Name = "Windows 11 Workstations";
    CollectionType = 2;
    IsBuiltIn = FALSE;
    Comment = "Windows 11 clients, by inventoried OS caption";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    LimitToCollectionID = "SMS00001";
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "Windows 11";
            QueryExpression = "select SMS_R_System.ResourceID, SMS_R_System.Name from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where SMS_G_System_OPERATING_SYSTEM.Caption like \"%Windows 11%\"";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "S0100011";
    Name = "Servers";
    CollectionType = 2;
    IsBuiltIn = FALSE;
    Comment = "Every Windows Server";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    LimitToCollectionID = "SMS00001";
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "Server OS";
            QueryExpression = "select * from SMS_R_System where OperatingSystemNameandVersion like \"%Server%\"";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "S0100012";
    Name = "Kiosks";
    CollectionType = 2;
    IsBuiltIn = FALSE;
    Comment = "Shared kiosk machines, by OU";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    LimitToCollectionID = "SMS00001";
    CollectionRules = {
        instance of SMS_CollectionRuleQuery
        {
            QueryID = 1;
            RuleName = "Kiosk OU";
            QueryExpression = "select * from SMS_R_System where SystemOUName like \"%/KIOSK\"";
        }
    };
};

instance of SMS_Collection
{
    CollectionID = "S0100013";
    Name = "Workstation Clients (no kiosks)";
    CollectionType = 2;
    IsBuiltIn = FALSE;
    Comment = "Desktop clients that are not servers or kiosks: include and exclude rules";
    LastChangeTime = "20261101090000.000000+000";
    RefreshType = 2;
    LimitToCollectionID = "SMSDM003";
    CollectionRules = {
        instance of SMS_CollectionRuleIncludeCollection
        {
            RuleName = "All Desktop and Server Clients";
            IncludeCollectionID = "SMSDM003";
        },
        instance of SMS_CollectionRuleExcludeCollection
        {
            RuleName = "Servers";
            ExcludeCollectionID = "S0100011";
        },
        instance of SMS_CollectionRuleExcludeCollection
        {
            RuleName = "Kiosks";
            ExcludeCollectionID = "S0100012";
        }
    };
};
"""#
}
